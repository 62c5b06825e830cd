package org.modhub.moderation.kit.testapp;

import jakarta.inject.Singleton;

/** The kit tests' clock: they travel to a due time instead of waiting. */
@Singleton
public class MutableClock extends org.modhub.moderation.devstack.test.TravelClock {}
