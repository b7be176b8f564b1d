/** placeholder */
package org.meseta.api.json;
