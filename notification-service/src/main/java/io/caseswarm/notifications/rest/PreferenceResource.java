package io.caseswarm.notifications.rest;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.caseswarm.notifications.domain.Channel;
import io.caseswarm.notifications.preference.Preference;
import io.caseswarm.platform.clock.PlatformClock;
import io.caseswarm.platform.rest.InvalidFieldException;
import io.caseswarm.platform.rest.PersonId;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;

/**
 * A person's notification preference: the channels to try in order (or none at all), quiet hours in their
 * time zone, whether urgent news may reach them then, and a daily digest for low-urgency news. People and
 * customers read and change only their own; an admin may read and change anybody's.
 *
 * <p>A PUT replaces the whole preference. {@code {"channel": "email"}}, the one channel of before, is still
 * understood as {@code {"channels": ["email"]}}.
 */
@Path("/people/{personId}/preferences")
@RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.CUSTOMER, Roles.ADMIN })
public class PreferenceResource {

    /** A local time of day, to the minute: {@code 07:00}, {@code 22:30}. */
    private static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";

    private final Caller caller;
    private final PlatformClock clock;

    PreferenceResource(Caller caller, PlatformClock clock) {
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    public PreferenceResponse read(
            @PathParam("personId") @PersonId String personId) {
        caller.requireSelfOr(personId, Roles.ADMIN);
        return PreferenceResponse.of(Preference.of(personId));
    }

    @PUT
    @Transactional
    public PreferenceResponse choose(
            @PathParam("personId") @PersonId String personId,
            @NotNull @Valid PreferenceRequest request) {
        caller.requireSelfOr(personId, Roles.ADMIN);
        return PreferenceResponse.of(Preference.choose(request.toPreference(personId), clock.now()));
    }

    /**
     * @param channel the one channel of before; give it or {@code channels}, not both
     * @param channels in the order to try them; {@code ["none"]} alone means "do not notify me"
     * @param timeZone an IANA zone id (Europe/Rome); unset, the directory's zone for them, else UTC
     * @param quietHours local times {@code from} (inclusive) {@code until} (exclusive); may span midnight
     * @param urgentInQuietHours whether urgent news reaches them in quiet hours; false unless set
     * @param digestAt local time of the daily digest of low-urgency news; unset, no digest
     */
    public record PreferenceRequest(
            Channel channel,
            @Size(min = 1, max = 2) List<@NotNull Channel> channels,
            @Size(max = 64) String timeZone,
            @Valid QuietHours quietHours,
            Boolean urgentInQuietHours,
            @Pattern(regexp = TIME) String digestAt) {

        Preference toPreference(String personId) {
            Preference preference = new Preference();
            preference.personId = personId;
            preference.channels = channelNames();
            preference.timeZone = zone();
            if (quietHours != null) {
                preference.quietFrom = LocalTime.parse(quietHours.from());
                preference.quietUntil = LocalTime.parse(quietHours.until());
                if (preference.quietFrom.equals(preference.quietUntil)) {
                    throw new InvalidFieldException("quietHours", "from and until must differ");
                }
            }
            preference.urgentInQuietHours = Boolean.TRUE.equals(urgentInQuietHours);
            preference.digestAt = digestAt == null ? null : LocalTime.parse(digestAt);
            return preference;
        }

        private String[] channelNames() {
            if ((channel == null) == (channels == null)) {
                throw new InvalidFieldException("channels", "give either channels or channel (not both)");
            }
            List<Channel> chosen = channels != null ? channels : List.of(channel);
            if (new HashSet<>(chosen).size() != chosen.size()) {
                throw new InvalidFieldException("channels", "names a channel twice");
            }
            if (chosen.contains(Channel.NONE)) {
                if (chosen.size() > 1) {
                    throw new InvalidFieldException("channels", "none cannot be combined with a channel");
                }
                return new String[0];
            }
            return chosen.stream().map(Channel::wireName).toArray(String[]::new);
        }

        /** Region ids only (Europe/Rome): a fixed offset would be wrong half of the year. */
        private String zone() {
            if (timeZone == null) {
                return null;
            }
            try {
                if (ZoneId.getAvailableZoneIds().contains(timeZone)) {
                    return ZoneId.of(timeZone).getId();
                }
            } catch (DateTimeException e) {
                // Refused below.
            }
            throw new InvalidFieldException("timeZone", "is not an IANA time zone id such as Europe/Rome");
        }
    }

    public record QuietHours(@NotNull @Pattern(regexp = TIME) String from, @NotNull @Pattern(regexp = TIME) String until) {
    }

    /** {@code channel} is the first channel (or none), for clients of before. */
    public record PreferenceResponse(String personId, Channel channel, List<Channel> channels, String timeZone,
            QuietHours quietHours, boolean urgentInQuietHours, String digestAt) {

        static PreferenceResponse of(Preference p) {
            List<Channel> channels = p.channelList();
            return new PreferenceResponse(p.personId, channels.isEmpty() ? Channel.NONE : channels.getFirst(),
                    channels.isEmpty() ? List.of(Channel.NONE) : channels, p.timeZone,
                    p.hasQuietHours() ? new QuietHours(p.quietFrom.toString(), p.quietUntil.toString()) : null,
                    p.urgentInQuietHours, p.digestAt == null ? null : p.digestAt.toString());
        }
    }
}
