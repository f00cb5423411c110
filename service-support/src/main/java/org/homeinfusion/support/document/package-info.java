/**
 * Aggregates kept as one JSON document a row beside the columns queries search by, with version-checked
 * writes and row locks, so each service states only its table, its columns and its queries.
 */
package org.homeinfusion.support.document;
