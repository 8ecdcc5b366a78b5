/**
 * The meters: {@code ServerMeters} (a {@code ServerObserver}), {@code ClientMeters} (a {@code
 * ClientListener} and the options' send buffer listener), {@code RuntimeMeters} (a {@code
 * TraceListener}), and the scrape endpoint's handler. Every meter is registered when it is bound,
 * so a scrape shows zeros before anything happened.
 */
package io.pulseio.metrics.internal;
