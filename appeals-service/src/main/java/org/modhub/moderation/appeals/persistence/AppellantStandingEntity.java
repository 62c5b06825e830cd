package org.modhub.moderation.appeals.persistence;

import org.modhub.moderation.kit.misuse.LadderStanding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An appellant's standing (DSA Art. 23(2)): warnings and suspensions of complaint handling. */
@Entity
@Table(name = "appellant_standing")
public class AppellantStandingEntity extends LadderStanding {

    @Id
    @Column(name = "appellant_key")
    public String appellantKey;

    @Column(name = "appellant_id")
    public String appellantId;

    @Column(name = "appellant_email")
    public String appellantEmail;

    @Column(name = "appeals_filed")
    public int appealsFiled;

    @Column(name = "unfounded_appeals")
    public int unfoundedAppeals;
}
