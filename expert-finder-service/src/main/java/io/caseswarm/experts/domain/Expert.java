package io.caseswarm.experts.domain;

import java.time.Instant;
import java.util.List;

import io.caseswarm.experts.domain.ExpertEvent.DirectoryEvent;
import io.caseswarm.experts.domain.ExpertEvent.ExpertRegistered;
import io.caseswarm.experts.domain.ExpertEvent.ExpertUpdated;
import io.caseswarm.platform.rest.CommandRejectedException;

/** A person in the directory. Decides registration and profile changes. */
public final class Expert {

    private String personId;
    private Profile profile;
    private long version;

    private Expert() {
    }

    public static Expert replay(List<? extends DirectoryEvent> history) {
        Expert expert = new Expert();
        history.forEach(expert::apply);
        return expert;
    }

    public List<ExpertEvent> register(String id, Profile newProfile, Instant now) {
        if (profile != null) {
            throw new CommandRejectedException("Person " + id + " is already registered");
        }
        Profile registered = newProfile.roles() == null ? newProfile.withRoles(List.of()) : newProfile;
        return List.of(ExpertRegistered.of(id, registered, now));
    }

    /** A profile without roles keeps the roles the person has: most who edit a profile may not set them. */
    public List<ExpertEvent> update(Profile newProfile, Instant now) {
        Profile updated = newProfile.roles() == null ? newProfile.withRoles(profile.roles()) : newProfile;
        return updated.equals(profile) ? List.of() : List.of(ExpertUpdated.of(personId, updated, now));
    }

    public List<ExpertEvent> changePresence(Presence presence, Instant now) {
        return update(profile.withPresence(presence), now);
    }

    void apply(DirectoryEvent event) {
        switch (event) {
            case ExpertRegistered registered -> {
                personId = registered.personId();
                profile = registered.profile();
            }
            case ExpertUpdated updated -> profile = updated.profile();
        }
        version++;
    }

    public boolean exists() {
        return profile != null;
    }

    public long version() {
        return version;
    }
}
