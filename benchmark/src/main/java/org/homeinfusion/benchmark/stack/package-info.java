/** The system under test: started here from the local stack's launcher and service jars, or already running. */
package org.homeinfusion.benchmark.stack;
