/** Two tiny services for {@code ArchitectureRulesUnitTests}: one keeping every rule, one breaking each. */
package org.homeinfusion.testsupport.archfixture;
