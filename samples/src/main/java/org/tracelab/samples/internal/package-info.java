/** How scenarios are planned, written and rendered; not part of the samples API. */
package org.tracelab.samples.internal;
