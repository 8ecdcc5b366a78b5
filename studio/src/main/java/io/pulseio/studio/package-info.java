/**
 * pulseio studio: {@link io.pulseio.studio.Studio} serves the editor page and its live channel for
 * one project file; {@link io.pulseio.studio.StudioPage} finds (or builds) the page. Thread-safe;
 * the studio's own threads are the server's event loop and one control thread.
 */
package io.pulseio.studio;
