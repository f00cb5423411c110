/** The run's results as data, and their Markdown, JSON and PNG renderings. */
package org.homeinfusion.benchmark.report;
