package org.modhub.moderation.review;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * A clock tests move forward instead of waiting. An alternative: only a test profile that enables it
 * ({@link RetentionTest.MovingClock}) replaces the kit's clock, so time travel stays out of the application every other
 * test shares.
 */
@Alternative
@Singleton
public class MutableClock extends org.modhub.moderation.devstack.test.TravelClock {}
