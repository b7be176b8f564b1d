/**
 * The master's operator event stream: {@link org.meseta.master.internal.operator.OperatorSubscribers} keeps the
 * subscribers and delivers events; {@link org.meseta.master.internal.operator.OperatorModel} renders agents and
 * frameworks in the shapes of Mesos's {@code master.Response}, for the operator calls and the events alike.
 * The events themselves are published by {@code org.meseta.master.internal.core.OperatorEvents}, which the
 * lifecycles notify where the master's state changes. Not exported.
 */
package org.meseta.master.internal.operator;
