package io.caseswarm.swarms.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.caseswarm.platform.rest.CommandRejectedException;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmAnswerMarked;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmAnswerUnmarked;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmCancelled;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmClosed;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmExpertsRequested;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmMemberAdded;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmMemberCredited;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmMemberDeclined;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmMemberExpired;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmMemberInvited;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmMemberJoined;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmMemberLeft;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmMemberRemoved;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmOwnerChanged;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmPostAdded;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmRequested;
import io.caseswarm.swarms.domain.SwarmEvent.SwarmSkillsChanged;

/** Given a swarm's history, when a command, expect events or a refusal. */
class SwarmTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final UUID SWARM = UUID.randomUUID();
    private static final UUID CASE = UUID.randomUUID();
    private static final SwarmRequested REQUESTED = new SwarmRequested(SWARM, CASE, "CS-000042", "ana.lima",
            "Why does the sync stop?", "Restarted it", List.of("billing"), 2, NOW, "lena.berg", null, "high", "billing",
            SwarmType.STANDARD, List.of("lena.berg"), "Billing Cloud");
    private static final SwarmMemberInvited RAJ_INVITED = new SwarmMemberInvited(SWARM, CASE, "raj.patel", NOW);
    private static final SwarmMemberJoined RAJ_JOINED = new SwarmMemberJoined(SWARM, CASE, "raj.patel", NOW);

    @Test
    void requestingASwarmRecordsTheQuestionAndTheNeeds() {
        RequestSwarm command = new RequestSwarm(SWARM, CASE, " Why does the sync stop? ", "Restarted it",
                List.of("billing"), 2, SwarmType.STANDARD);

        assertThat(Swarm.request(command, new Swarm.CaseFacts("CS-000042", "ana.lima", "high", "billing", List.of("lena.berg"), "Billing Cloud"), "lena.berg",
                null, NOW))
                .containsExactly(REQUESTED);
    }

    @Test
    void aSwarmFollowsItsCaseToTheNewOwnerWhoThenPostsInsteadOfThePreviousOne() {
        SwarmOwnerChanged toOmar = new SwarmOwnerChanged(SWARM, CASE, "omar.haddad", "ana.lima", NOW);

        assertThat(given(REQUESTED, RAJ_INVITED).followOwner("omar.haddad", NOW)).containsExactly(toOmar);
        assertThat(given(REQUESTED, toOmar).followOwner("omar.haddad", NOW)).isEmpty();
        assertThat(given(REQUESTED, toOmar).mayPost("omar.haddad")).isTrue();
        assertThat(given(REQUESTED, toOmar).mayPost("ana.lima")).isFalse();
        assertThat(given(REQUESTED, new SwarmClosed(SWARM, CASE, "case-resolved", List.of(), NOW))
                .followOwner("omar.haddad", NOW)).isEmpty();
    }

    @Test
    void aResolutionAskedForNamesTheMembersInTheSwarmNowAsHavingHelped() {
        UUID request = UUID.randomUUID();
        SwarmMemberInvited meiInvited = new SwarmMemberInvited(SWARM, CASE, "mei.chen", NOW);
        SwarmMemberAdded kimAdded = new SwarmMemberAdded(SWARM, CASE, "kim.ito", null, "ana.lima", NOW);
        SwarmMemberAdded leoAdded = new SwarmMemberAdded(SWARM, CASE, "leo.ma", null, "ana.lima", NOW);
        SwarmMemberLeft leoLeft = new SwarmMemberLeft(SWARM, CASE, "leo.ma", NOW);

        assertThat(given(REQUESTED, RAJ_INVITED, RAJ_JOINED, meiInvited, kimAdded, leoAdded, leoLeft)
                .requestResolution(request, "ana.lima", List.of("agent"), "Rotated the token", NOW))
                .containsExactly(new SwarmEvent.SwarmResolutionRequested(SWARM, CASE, request, "ana.lima",
                        List.of("agent"), "Rotated the token", List.of("raj.patel", "kim.ito"), NOW));
    }

    @Test
    void nothingIsAskedOfTheCaseFromASwarmThatIsOver() {
        Swarm closed = given(REQUESTED, new SwarmClosed(SWARM, CASE, "case-resolved", List.of(), NOW));

        assertThatThrownBy(() -> closed.requestResolution(UUID.randomUUID(), "ana.lima", List.of("agent"), "Again", NOW))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> closed.requestCustomerUpdate(UUID.randomUUID(), "ana.lima", List.of("agent"), "Hi",
                NOW)).isInstanceOf(CommandRejectedException.class).hasMessageContaining("closed");
    }

    @Test
    void joiningRequiresAnInvitation() {
        assertThatThrownBy(() -> given(REQUESTED).join("mei.chen", NOW))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("not invited");
        assertThat(given(REQUESTED, RAJ_INVITED).join("raj.patel", NOW)).containsExactly(RAJ_JOINED);
    }

    @Test
    void firstJoinActivatesTheSwarm() {
        assertThat(given(REQUESTED, RAJ_INVITED).status()).isEqualTo(SwarmStatus.REQUESTED);
        assertThat(given(REQUESTED, RAJ_INVITED, RAJ_JOINED).status()).isEqualTo(SwarmStatus.ACTIVE);
    }

    @Test
    void declinedMemberCannotJoin() {
        SwarmMemberDeclined declined = new SwarmMemberDeclined(SWARM, CASE, "raj.patel", "on leave", NOW);
        assertThat(given(REQUESTED, RAJ_INVITED).decline("raj.patel", "on leave", NOW)).containsExactly(declined);
        assertThatThrownBy(() -> given(REQUESTED, RAJ_INVITED, declined).join("raj.patel", NOW))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("already declined");
    }

    @Test
    void anInvitationIsRecordedOnceAndNotAfterTheSwarmClosed() {
        assertThat(given(REQUESTED, RAJ_INVITED).recordInvitation("raj.patel", NOW)).isEmpty();
        SwarmClosed closed = new SwarmClosed(SWARM, CASE, "case-resolved", List.of(), NOW);
        assertThat(given(REQUESTED, closed).recordInvitation("mei.chen", NOW)).isEmpty();
    }

    @Test
    void theOwnerAndMembersWhoJoinedPostButInvitedDeclinedAndLeftOnesDoNot() {
        SwarmMemberInvited mei = new SwarmMemberInvited(SWARM, CASE, "mei.chen", NOW);
        SwarmMemberInvited omar = new SwarmMemberInvited(SWARM, CASE, "omar.haddad", NOW);
        Swarm swarm = given(REQUESTED, RAJ_INVITED, mei, omar, RAJ_JOINED,
                new SwarmMemberDeclined(SWARM, CASE, "mei.chen", "on leave", NOW),
                new SwarmMemberJoined(SWARM, CASE, "omar.haddad", NOW),
                new SwarmMemberLeft(SWARM, CASE, "omar.haddad", NOW));

        assertThat(swarm.mayPost("ana.lima")).isTrue();
        assertThat(swarm.mayPost("raj.patel")).isTrue();
        assertThat(swarm.mayPost("mei.chen")).isFalse();
        assertThat(swarm.mayPost("omar.haddad")).isFalse();
        assertThat(swarm.mayPost("sam.stranger")).isFalse();
        assertThat(given(REQUESTED, RAJ_INVITED).mayPost("raj.patel")).isFalse();
    }

    @Test
    void aPostIsAddedToAnOpenSwarmAndRefusedOnceItClosed() {
        UUID post = UUID.randomUUID();
        assertThat(given(REQUESTED, RAJ_INVITED, RAJ_JOINED).post(post, "raj.patel", "Token expired", NOW))
                .containsExactly(new SwarmPostAdded(SWARM, CASE, post, "raj.patel", "Token expired", NOW, null,
                        List.of()));
        SwarmClosed closed = new SwarmClosed(SWARM, CASE, "case-resolved", List.of(), NOW);
        assertThatThrownBy(() -> given(REQUESTED, closed).post(post, "ana.lima", "Still there?", NOW))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("closed");
    }

    @Test
    void aPostMentionsOnlyPeopleWhoMayReadTheFeedOnceEachAndNeverItsAuthor() {
        SwarmMemberInvited mei = new SwarmMemberInvited(SWARM, CASE, "mei.chen", NOW);
        SwarmMemberDeclined kimDeclined = new SwarmMemberDeclined(SWARM, CASE, "kim.berg", null, NOW);
        Swarm swarm = given(REQUESTED, RAJ_INVITED, RAJ_JOINED, mei,
                new SwarmMemberInvited(SWARM, CASE, "kim.berg", NOW), kimDeclined);

        assertThat(swarm.mentionedIn("@mei.chen and @ana.lima, see @mei.chen's log. Thanks @raj.patel.", "raj.patel"))
                .containsExactly("mei.chen", "ana.lima");
        assertThat(swarm.mentionedIn("ask @kim.berg or @sam.stranger, mail raj@mei.chen, @Mei.Chen", "ana.lima"))
                .as("declined, unknown, inside an address, not lower-case").isEmpty();
        assertThat(swarm.mentionedIn("@raj.patel!", "ana.lima")).containsExactly("raj.patel");
        UUID post = UUID.randomUUID();
        assertThat(swarm.post(post, "ana.lima", "@raj.patel please check", NOW)).containsExactly(
                new SwarmPostAdded(SWARM, CASE, post, "ana.lima", "@raj.patel please check", NOW, null,
                        List.of("raj.patel")));
    }

    @Test
    void oneOfTheSwarmsPostsIsMarkedAsTheAnswerOneAtATime() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        SwarmPostAdded firstPost = new SwarmPostAdded(SWARM, CASE, first, "raj.patel", "Renew the token", NOW, null,
                List.of());
        SwarmPostAdded secondPost = new SwarmPostAdded(SWARM, CASE, second, "raj.patel", "Or restart", NOW, null,
                null);
        Swarm swarm = given(REQUESTED, RAJ_INVITED, RAJ_JOINED, firstPost, secondPost);
        SwarmAnswerMarked marked = new SwarmAnswerMarked(SWARM, CASE, first, "ana.lima", NOW);

        assertThat(swarm.hasPost(first)).isTrue();
        assertThat(swarm.hasPost(UUID.randomUUID())).isFalse();
        assertThat(swarm.markAnswer(first, "ana.lima", NOW)).containsExactly(marked);
        Swarm answered = given(REQUESTED, RAJ_INVITED, RAJ_JOINED, firstPost, secondPost, marked);
        assertThatThrownBy(() -> answered.markAnswer(first, "ana.lima", NOW))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("already");
        assertThatThrownBy(() -> answered.markAnswer(second, "ana.lima", NOW))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("take that mark off first");
        assertThatThrownBy(() -> swarm.unmarkAnswer(first, "ana.lima", NOW))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("not marked");
        SwarmAnswerUnmarked unmarked = new SwarmAnswerUnmarked(SWARM, CASE, first, "lena.berg", NOW);
        assertThat(answered.unmarkAnswer(first, "lena.berg", NOW)).containsExactly(unmarked);
        assertThat(given(REQUESTED, firstPost, secondPost, marked, unmarked).markAnswer(second, "ana.lima", NOW))
                .hasSize(1);

        SwarmClosed closed = new SwarmClosed(SWARM, CASE, "case-resolved", List.of(), NOW);
        assertThat(given(REQUESTED, firstPost, closed).markAnswer(first, "ana.lima", NOW)).hasSize(1);
        SwarmCancelled cancelled = new SwarmCancelled(SWARM, CASE, "no", List.of(), "ana.lima", NOW);
        assertThatThrownBy(() -> given(REQUESTED, firstPost, cancelled).markAnswer(first, "ana.lima", NOW))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("cancelled");
    }

    @Test
    void closingNamesTheMembersWhoJoinedAndHappensOnce() {
        SwarmMemberInvited mei = new SwarmMemberInvited(SWARM, CASE, "mei.chen", NOW);
        List<SwarmEvent> close = given(REQUESTED, RAJ_INVITED, mei, RAJ_JOINED).close("case-resolved", NOW);

        assertThat(close).containsExactly(new SwarmClosed(SWARM, CASE, "case-resolved", List.of("raj.patel"), NOW));
        assertThat(given(REQUESTED, (SwarmClosed) close.getFirst()).close("case-resolved", NOW)).isEmpty();
        assertThatThrownBy(() -> given(REQUESTED, RAJ_INVITED, (SwarmClosed) close.getFirst()).join("raj.patel", NOW))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("closed");
    }

    @Test
    void anExpiredInvitationIsOverAndCanNoLongerBeJoined() {
        SwarmMemberExpired expired = new SwarmMemberExpired(SWARM, CASE, "raj.patel", NOW);

        assertThat(given(REQUESTED, RAJ_INVITED).recordExpiry("raj.patel", NOW)).containsExactly(expired);
        assertThat(given(REQUESTED, RAJ_INVITED, expired).members()).containsEntry("raj.patel", MemberStatus.EXPIRED);
        assertThatThrownBy(() -> given(REQUESTED, RAJ_INVITED, expired).join("raj.patel", NOW))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("expired");
    }

    @Test
    void aJoinRecordedBeforeTheExpiryArrivesStands() {
        assertThat(given(REQUESTED, RAJ_INVITED, RAJ_JOINED).recordExpiry("raj.patel", NOW)).isEmpty();
        SwarmMemberDeclined declined = new SwarmMemberDeclined(SWARM, CASE, "raj.patel", null, NOW);
        assertThat(given(REQUESTED, RAJ_INVITED, declined).recordExpiry("raj.patel", NOW)).isEmpty();
    }

    @Test
    void aReminderNamesWhoHasNotAnsweredAndWhoIsIn() {
        SwarmMemberInvited mei = new SwarmMemberInvited(SWARM, CASE, "mei.chen", NOW);
        SwarmMemberInvited kim = new SwarmMemberInvited(SWARM, CASE, "kim.berg", NOW);
        UUID post = UUID.randomUUID();

        List<SwarmEvent> reminder = given(REQUESTED, RAJ_INVITED, mei, kim, RAJ_JOINED,
                new SwarmMemberDeclined(SWARM, CASE, "kim.berg", null, NOW)).remind(post, Duration.ofHours(4), NOW);

        assertThat(reminder).containsExactly(new SwarmPostAdded(SWARM, CASE, post, Swarm.BOT,
                "Nothing has been posted here for 4 hours. Still to answer their invitation: mei.chen."
                        + " In the swarm: ana.lima (owner), raj.patel.", NOW, null, List.of()));
        SwarmClosed closed = new SwarmClosed(SWARM, CASE, "case-resolved", List.of(), NOW);
        assertThat(given(REQUESTED, closed).remind(post, Duration.ofHours(4), NOW)).isEmpty();
    }

    @Test
    void aNamedPersonAddedByTheOwnerIsAMemberAtOnceAndMayPost() {
        SwarmMemberAdded kim = new SwarmMemberAdded(SWARM, CASE, "kim.berg", "account manager", "ana.lima", NOW);

        assertThat(given(REQUESTED).addMember("kim.berg", "account manager", "ana.lima", NOW)).containsExactly(kim);
        Swarm after = given(REQUESTED, kim);
        assertThat(after.members()).containsEntry("kim.berg", MemberStatus.JOINED);
        assertThat(after.status()).isEqualTo(SwarmStatus.ACTIVE);
        assertThat(after.mayPost("kim.berg")).isTrue();
    }

    @Test
    void addingTheOwnerSomebodyInvitedOrInAlreadyOrToAClosedSwarmIsRefused() {
        assertThatThrownBy(() -> given(REQUESTED).addMember("ana.lima", null, "lena.berg", NOW))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("owns");
        assertThatThrownBy(() -> given(REQUESTED, RAJ_INVITED).addMember("raj.patel", null, "ana.lima", NOW))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("already invited");
        assertThatThrownBy(() -> given(REQUESTED, RAJ_INVITED, RAJ_JOINED).addMember("raj.patel", null, "ana.lima",
                NOW)).isInstanceOf(CommandRejectedException.class).hasMessageContaining("already joined");
        SwarmClosed closed = new SwarmClosed(SWARM, CASE, "case-resolved", List.of(), NOW);
        assertThatThrownBy(() -> given(REQUESTED, closed).addMember("kim.berg", null, "ana.lima", NOW))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("closed");
        SwarmMemberDeclined declined = new SwarmMemberDeclined(SWARM, CASE, "raj.patel", "busy", NOW);
        assertThat(given(REQUESTED, RAJ_INVITED, declined).addMember("raj.patel", "free now", "ana.lima", NOW))
                .containsExactly(new SwarmMemberAdded(SWARM, CASE, "raj.patel", "free now", "ana.lima", NOW));
    }

    @Test
    void moreExpertsAreAskedForOnAnOpenSwarmOnly() {
        assertThat(given(REQUESTED).requestMoreExperts(2, "ana.lima", NOW))
                .containsExactly(new SwarmExpertsRequested(SWARM, CASE, 2, "ana.lima", NOW));
        SwarmClosed closed = new SwarmClosed(SWARM, CASE, "case-resolved", List.of(), NOW);
        assertThatThrownBy(() -> given(REQUESTED, closed).requestMoreExperts(2, "ana.lima", NOW))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("closed");
    }

    @Test
    void changedSkillsNameThePreviousOnesAndTheSameSkillsAgainChangeNothing() {
        SwarmSkillsChanged changed = new SwarmSkillsChanged(SWARM, CASE, List.of("sso", "billing"),
                List.of("billing"), "lena.berg", NOW);

        assertThat(given(REQUESTED).changeSkills(List.of("sso", "billing"), "lena.berg", NOW))
                .containsExactly(changed);
        assertThat(given(REQUESTED, changed).changeSkills(List.of("sso", "billing"), "ana.lima", NOW)).isEmpty();
        assertThat(given(REQUESTED, changed).changeSkills(List.of("billing"), "ana.lima", NOW))
                .containsExactly(new SwarmSkillsChanged(SWARM, CASE, List.of("billing"), List.of("sso", "billing"),
                        "ana.lima", NOW));
    }

    @Test
    void aCancelledSwarmNamesWhoHadJoinedAndNothingMoreHappensInIt() {
        SwarmMemberInvited mei = new SwarmMemberInvited(SWARM, CASE, "mei.chen", NOW);
        List<SwarmEvent> cancel = given(REQUESTED, RAJ_INVITED, mei, RAJ_JOINED).cancel("solved by phone",
                "ana.lima", NOW);
        SwarmCancelled cancelled = new SwarmCancelled(SWARM, CASE, "solved by phone", List.of("raj.patel"),
                "ana.lima", NOW);
        assertThat(cancel).containsExactly(cancelled);

        Swarm after = given(REQUESTED, RAJ_INVITED, mei, RAJ_JOINED, cancelled);
        assertThat(after.status()).isEqualTo(SwarmStatus.CANCELLED);
        assertThat(after.isOpen()).isFalse();
        assertThatThrownBy(() -> after.join("mei.chen", NOW)).hasMessageContaining("cancelled");
        assertThatThrownBy(() -> after.post(UUID.randomUUID(), "raj.patel", "Still here", NOW))
                .hasMessageContaining("cancelled");
        assertThatThrownBy(() -> after.cancel("again", "ana.lima", NOW)).hasMessageContaining("cancelled");
        assertThatThrownBy(() -> after.addMember("kim.berg", null, "ana.lima", NOW)).hasMessageContaining("cancelled");
        assertThat(after.close("case-resolved", NOW)).isEmpty();
        assertThat(after.recordInvitation("kim.berg", NOW)).isEmpty();
        assertThat(after.remind(UUID.randomUUID(), Duration.ofHours(4), NOW)).isEmpty();
    }

    @Test
    void theSwarmIsSteeredByItsCurrentOwner() {
        SwarmOwnerChanged toOmar = new SwarmOwnerChanged(SWARM, CASE, "omar.haddad", "ana.lima", NOW);
        assertThat(given(REQUESTED).isOwnedBy("ana.lima")).isTrue();
        assertThat(given(REQUESTED, toOmar).isOwnedBy("ana.lima")).isFalse();
        assertThat(given(REQUESTED, toOmar).isOwnedBy("omar.haddad")).isTrue();
    }

    @Test
    void theOwnerOrALeadRemovesSomeoneInvitedOrJoinedWhoMayBeAddedBackButNobodyElse() {
        SwarmMemberRemoved removed = new SwarmMemberRemoved(SWARM, CASE, "raj.patel", "Wrong area", "lena.berg", NOW);

        assertThat(given(REQUESTED, RAJ_INVITED).removeMember("raj.patel", "Wrong area", "lena.berg", NOW))
                .containsExactly(removed);
        assertThat(given(REQUESTED, RAJ_INVITED, RAJ_JOINED).removeMember("raj.patel", "Wrong area", "lena.berg", NOW))
                .containsExactly(removed);
        assertThat(given(REQUESTED, RAJ_INVITED, removed).members()).containsEntry("raj.patel", MemberStatus.REMOVED);
        assertThat(given(REQUESTED, RAJ_INVITED, removed).recordInvitation("raj.patel", NOW))
                .as("a stale invitation does not bring them back").isEmpty();
        assertThat(given(REQUESTED, RAJ_INVITED, removed).addMember("raj.patel", null, "ana.lima", NOW)).hasSize(1);
        assertThatThrownBy(() -> given(REQUESTED, RAJ_INVITED, removed).removeMember("raj.patel", null, "x", NOW))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("already removed");
        assertThatThrownBy(() -> given(REQUESTED).removeMember("mei.chen", null, "x", NOW))
                .isInstanceOf(CommandRejectedException.class);
        assertThatThrownBy(() -> given(REQUESTED, RAJ_INVITED,
                new SwarmMemberDeclined(SWARM, CASE, "raj.patel", null, NOW)).removeMember("raj.patel", null, "x", NOW))
                .isInstanceOf(CommandRejectedException.class);
    }

    @Test
    void theOwnerOrALeadClosesAnOpenSwarmNamingWhoClosedItAndWhoHadJoined() {
        assertThat(given(REQUESTED, RAJ_INVITED, RAJ_JOINED).closeBy("Answered", "lena.berg", NOW))
                .containsExactly(new SwarmClosed(SWARM, CASE, "Answered", List.of("raj.patel"), NOW, "lena.berg"));
        assertThatThrownBy(() -> given(REQUESTED, new SwarmClosed(SWARM, CASE, "case-resolved", List.of(), NOW))
                .closeBy("again", "lena.berg", NOW)).isInstanceOf(CommandRejectedException.class);
    }

    @Test
    void aSwarmKnowsItsPodAndAnOlderOneHasNone() {
        assertThat(given(REQUESTED).podId()).isEqualTo("billing");
        SwarmRequested older = new SwarmRequested(SWARM, CASE, "CS-000042", "ana.lima", "Why?", null,
                List.of("billing"), 2, NOW, null, null, null, null, null, null, null);
        assertThat(given(older).podId()).isNull();
    }

    @Test
    void aSwarmWithoutATypeIsUrgentOnAnUrgentCaseAndStandardOtherwiseAndAGivenTypeStands() {
        assertThat(SwarmType.orDefault(null, "urgent")).isEqualTo(SwarmType.URGENT);
        assertThat(SwarmType.orDefault(null, "high")).isEqualTo(SwarmType.STANDARD);
        assertThat(SwarmType.orDefault(null, null)).isEqualTo(SwarmType.STANDARD);
        assertThat(SwarmType.orDefault(SwarmType.STANDARD, "urgent")).isEqualTo(SwarmType.STANDARD);
        assertThat(SwarmType.orDefault(SwarmType.BACKLOG, "low")).isEqualTo(SwarmType.BACKLOG);
    }

    @Test
    void aResolvedCaseCreditsEveryoneWhoWasInTheSwarmOnceWithTheirPostsAndWhetherTheyHelped() {
        SwarmMemberAdded meiAdded = new SwarmMemberAdded(SWARM, CASE, "mei.chen", null, "ana.lima", NOW);
        SwarmMemberLeft meiLeft = new SwarmMemberLeft(SWARM, CASE, "mei.chen", NOW);
        SwarmSkillsChanged skills = new SwarmSkillsChanged(SWARM, CASE, List.of("billing", "sync"), List.of("billing"),
                "ana.lima", NOW);
        SwarmMemberInvited samInvited = new SwarmMemberInvited(SWARM, CASE, "sam.ortiz", NOW);
        Swarm swarm = given(REQUESTED, RAJ_INVITED, RAJ_JOINED, samInvited, meiAdded, post("raj.patel"),
                post("raj.patel"), post("ana.lima"), meiLeft, skills,
                new SwarmClosed(SWARM, CASE, "case-resolved", List.of("raj.patel"), NOW));

        // The owner, and Sam, who never answered, are no members; Mei, who left, was one.
        assertThat(swarm.credit("billing-suite", List.of("raj.patel"), NOW)).containsExactly(
                new SwarmMemberCredited(SWARM, CASE, "raj.patel", "billing-suite", List.of("billing", "sync"), 2, true,
                        NOW),
                new SwarmMemberCredited(SWARM, CASE, "mei.chen", "billing-suite", List.of("billing", "sync"), 0, false,
                        NOW));
    }

    @Test
    void nobodyIsCreditedTwiceForOneSwarmWhenTheCaseIsResolvedAgain() {
        SwarmMemberCredited rajCredited = new SwarmMemberCredited(SWARM, CASE, "raj.patel", null, List.of("billing"),
                0, false, NOW);
        SwarmMemberJoined meiJoined = new SwarmMemberJoined(SWARM, CASE, "mei.chen", NOW);

        assertThat(given(REQUESTED, RAJ_INVITED, RAJ_JOINED, rajCredited).credit(null, List.of(), NOW)).isEmpty();
        assertThat(given(REQUESTED, RAJ_INVITED, RAJ_JOINED, rajCredited, meiJoined).credit("x", List.of(), NOW))
                .extracting(event -> ((SwarmMemberCredited) event).personId()).containsExactly("mei.chen");
    }

    private static SwarmPostAdded post(String authorId) {
        return new SwarmPostAdded(SWARM, CASE, UUID.randomUUID(), authorId, "text", NOW, null, List.of());
    }

    private static Swarm given(SwarmEvent... history) {
        return Swarm.replay(List.of(history));
    }
}
