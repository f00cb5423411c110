/**
 * The one-command local stack: real Kafka and PostgreSQL in this JVM, the four services as child processes, dev
 * tokens and a scripted demo of the seed story.
 */
package org.homeinfusion.localstack;
