package io.caseswarm.experts.domain;

/**
 * A skill definition the taxonomy cannot take as it stands; the message names the place (the cycle's chain, the
 * clashing synonym, the weight).
 */
public class TaxonomyConflict extends IllegalArgumentException {

    public TaxonomyConflict(String message) {
        super(message);
    }
}
