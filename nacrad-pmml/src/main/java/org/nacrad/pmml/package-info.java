/**
 * PMML 4.4 export of a saved nacrad model ({@link org.nacrad.pmml.PmmlExport}), so that other software can apply
 * the model to patients whose features were extracted as the model's header states.
 */
package org.nacrad.pmml;
