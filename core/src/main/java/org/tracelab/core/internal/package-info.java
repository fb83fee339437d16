/**
 * Implementation details of the core: not part of Tracelab's API, free to change between versions.
 */
package org.tracelab.core.internal;
