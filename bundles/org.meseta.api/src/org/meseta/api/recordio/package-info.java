/** placeholder */
package org.meseta.api.recordio;
