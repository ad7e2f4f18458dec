package dev.ccbridge.app.services;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that does I/O (files, the keychain, SQLite, the network, starting or stopping
 * the gateway): view models call it through {@code UiExecutor.background}, never on the FX
 * thread. The app's tests wrap every service so that such a call from the FX thread fails the test.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Blocking {}
