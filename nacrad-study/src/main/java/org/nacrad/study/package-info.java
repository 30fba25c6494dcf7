/** The study workflow of nacrad: from a cohort manifest and a config to models, report and a saved model. */
package org.nacrad.study;
