/**
 * Multi-centre harmonisation of radiomics features: {@link org.nacrad.stats.harmonisation.ComBat} (Johnson, Li
 * &amp; Rabinovic 2007), equal to R's {@code sva::ComBat}, fitted on training patients and applied to new ones.
 */
package org.nacrad.stats.harmonisation;
