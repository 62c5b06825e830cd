package org.modhub.moderation.review.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A version of the content policy and when it takes effect. */
@Entity
@Table(name = "policy_version")
public class PolicyVersionEntity {

    @Id
    public String version;

    public String title;

    public String url;

    public String summary;

    @Column(name = "effective_at")
    public Instant effectiveAt;

    @Column(name = "posted_by")
    public String postedBy;

    @Column(name = "posted_at")
    public Instant postedAt;
}
