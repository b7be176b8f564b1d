/** placeholder */
package org.meseta.api.flags;
