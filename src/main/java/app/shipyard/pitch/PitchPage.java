package app.shipyard.pitch;

import app.shipyard.award.Award;
import app.shipyard.event.Event;
import app.shipyard.event.Phase;
import app.shipyard.event.Times;
import app.shipyard.identity.Person;
import app.shipyard.identity.Role;
import app.shipyard.pitch.PitchChangeRepository.Revision;
import app.shipyard.pitch.PitchChangeRepository.StageChange;
import app.shipyard.pitch.PitchTalkRepository.Comment;
import app.shipyard.pitch.PitchTalkRepository.Interested;
import app.shipyard.web.Markdown;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/** The view of one pitch's page, as one person sees it: the pitch, its talk and history, and what they may do. */
record PitchPage(Pitch pitch, Event event, String tab, String problemHtml, String ideaHtml, long departments,
                 boolean canJoin, boolean canLeave, boolean isOrganiser, boolean isCaptain, boolean canEdit,
                 boolean canApprove, int interestCount, boolean interestedMe, List<Interested> interested,
                 boolean canMarkInterest, List<CommentRow> comments, boolean canComment, List<RevisionRow> revisions,
                 boolean isLab, List<StageRow> stages, boolean canChangeStage, List<Stage> stageOptions,
                 List<Award> awards, boolean canGivePrize) {

  /** What the pitch read before one edit, with who edited it and when (in the viewer's time zone). */
  record RevisionRow(String by, String when, String title, String summary) {}

  record CommentRow(long id, String author, String when, String body, boolean canDelete) {}

  record StageRow(String from, String to, String note, String by, String when) {}

  static PitchPage of(Person me, Event event, Pitch pitch, List<Revision> revisions, List<Comment> comments,
                      List<Interested> interested, List<StageChange> stages, List<Award> awards) {
    ZoneId zone = Times.viewerZone(me, event);
    Audience audience = Audience.of(me);
    boolean organiser = audience.organiser();
    boolean manages = audience.manages(pitch.captainId());
    boolean readOnly = event.phase() == Phase.ARCHIVED;
    boolean member = pitch.hasMember(me.id());
    boolean teamsOpen = event.phase().teamsOpen();
    boolean employee = me.has(Role.EMPLOYEE);
    return new PitchPage(pitch, event, "pitches", Markdown.toHtml(pitch.problem()), Markdown.toHtml(pitch.idea()),
        pitch.members().stream().map(Pitch.Member::department).filter(d -> !d.isBlank()).distinct().count(),
        !member && pitch.open() && pitch.openPlaces() > 0 && teamsOpen && employee,
        member && me.id() != pitch.captainId() && teamsOpen,
        organiser, me.id() == pitch.captainId(),
        manages && PitchRules.editRefusal(event.phase()).isEmpty(),
        organiser && !pitch.approved() && !readOnly,
        interested.size(), interested.stream().anyMatch(i -> i.id() == me.id()), manages ? interested : List.of(),
        employee && !readOnly,
        comments.stream().map(c -> new CommentRow(c.id(), c.authorName(), Times.shown(c.createdAt(), zone), c.body(),
            !readOnly && (organiser || c.authorId() == me.id()))).toList(),
        employee && !readOnly,
        revisions.stream().map(r -> new RevisionRow(r.editedBy(), Times.shown(r.editedAt(), zone), r.title(),
            r.summary())).toList(),
        "lab".equals(event.kind()),
        stages.stream().map(s -> new StageRow(s.fromLabel(), s.toLabel(), s.note(), s.changedBy(),
            Times.shown(s.changedAt(), zone))).toList(),
        manages && PitchRules.stageRefusal(event.kind(), event.phase()).isEmpty(),
        Arrays.stream(Stage.values()).filter(s -> !s.key().equals(pitch.stage())).toList(),
        awards, organiser && !readOnly && pitch.approved() && pitch.hidden() == null);
  }
}
