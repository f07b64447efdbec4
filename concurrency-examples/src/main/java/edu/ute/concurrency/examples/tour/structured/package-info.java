/**
 * What {@code Tour05_StructuredConcurrency} fans out with:
 * {@link edu.ute.concurrency.examples.tour.structured.FailFastFanOut}, "all must succeed" with JDK 21's
 * final APIs, the policy {@code StructuredTaskScope} gives in preview. Imports nothing of the module.
 */
package edu.ute.concurrency.examples.tour.structured;
