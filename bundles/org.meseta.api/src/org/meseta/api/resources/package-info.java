/** placeholder */
package org.meseta.api.resources;
