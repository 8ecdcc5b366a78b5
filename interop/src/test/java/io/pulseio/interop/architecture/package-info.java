/**
 * Checks of the code's shape across every library module (no Node.js needed): {@code PackageCycles}
 * reads the package dependencies of compiled classes with the JDK's {@code jdeps} and finds cycles;
 * {@code PackageCyclesTest} holds every module to none. Test code, run on the test thread.
 */
package io.pulseio.interop.architecture;
