/**
 * Index advice, the parts that need no server: which columns a plan filters, joins or sorts on, the candidate indexes
 * that follow (equality columns first, then a range or sort column), whether an existing index covers one already, and
 * the hygiene of existing indexes (unused, duplicate, redundant prefix). Decision 0132.
 */
package io.knobwright.model.index;
