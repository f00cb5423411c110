/** Request fragments and input bounds common to every service's API (docs/api.md). */
package org.homeinfusion.support.api;
