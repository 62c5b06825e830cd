package org.modhub.moderation.notification;

import jakarta.inject.Singleton;

/**
 * Replaces the kit's system clock in tests, so a test travels past a retention period instead of waiting for it; a test
 * that moves it puts it back ({@link #reset()}), since every other test of the module runs on the same application.
 */
@Singleton
public class MutableClock extends org.modhub.moderation.devstack.test.TravelClock {}
