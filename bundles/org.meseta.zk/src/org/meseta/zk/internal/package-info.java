/** Helpers of {@link org.meseta.zk}: group member names and the callback thread. Not exported. */
package org.meseta.zk.internal;
