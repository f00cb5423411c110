/** Defaults and beans every service gets by depending on service-support. */
package org.homeinfusion.support.config;
