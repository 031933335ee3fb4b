package io.caseswarm.experts.eval;

/** One line of a labelled dataset: an event to replay, or a query to judge against the state so far. */
public sealed interface DatasetEntry permits DatasetEvent, JudgedQuery {

    /** Where it is in the file, counted from 1, so that an error about it can name the line. */
    int line();
}
