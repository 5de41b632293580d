package app.shipyard.pitch;

import app.shipyard.identity.Person;
import app.shipyard.identity.Role;
import app.shipyard.event.Event;
import app.shipyard.event.Phase;
import app.shipyard.event.Times;
import app.shipyard.pitch.PitchChangeRepository.Revision;
import app.shipyard.pitch.PitchChangeRepository.StageChange;
import app.shipyard.pitch.PitchTalkRepository.Comment;
import app.shipyard.pitch.PitchTalkRepository.Interested;
import app.shipyard.web.Markdown;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The view model of one pitch's page, as one person sees it. */
final class PitchPage {

  private final Person me;
  private final Event event;
  private final Pitch pitch;
  private final ZoneId zone;
  private final boolean organiser;
  private final boolean manages;
  private final boolean readOnly;

  PitchPage(Person me, Event event, Pitch pitch, ZoneId zone) {
    this.me = me;
    this.event = event;
    this.pitch = pitch;
    this.zone = zone;
    Audience audience = Audience.of(me);
    this.organiser = audience.organiser();
    this.manages = audience.manages(pitch.captainId());
    this.readOnly = event.phase() == Phase.ARCHIVED;
  }

  Map<String, Object> model(List<Revision> revisions, List<Comment> comments, List<Interested> interested,
                            List<StageChange> stages) {
    Map<String, Object> model = new HashMap<>();
    model.put("pitch", pitch);
    model.put("event", event);
    model.put("tab", "pitches");
    model.put("problemHtml", Markdown.toHtml(pitch.problem()));
    model.put("ideaHtml", Markdown.toHtml(pitch.idea()));
    boolean member = pitch.hasMember(me.id());
    boolean teamsOpen = event.phase().teamsOpen();
    model.put("canJoin", !member && pitch.open() && pitch.openPlaces() > 0 && teamsOpen && me.has(Role.EMPLOYEE));
    model.put("canLeave", member && me.id() != pitch.captainId() && teamsOpen);
    model.put("departments", pitch.members().stream().map(Pitch.Member::department).filter(d -> !d.isBlank())
        .distinct().count());
    model.put("isOrganiser", organiser);
    model.put("isCaptain", me.id() == pitch.captainId());
    model.put("canEdit", manages && PitchRules.editRefusal(event.phase()).isEmpty());
    model.put("canApprove", organiser && !pitch.approved() && !readOnly);
    model.put("revisions", revisions.stream().map(r -> Map.of("by", r.editedBy(), "when", shown(r.editedAt()),
        "title", r.title(), "summary", r.summary())).toList());
    model.put("interestCount", interested.size());
    model.put("interestedMe", interested.stream().anyMatch(i -> i.id() == me.id()));
    model.put("interested", manages ? interested : List.of());
    model.put("canMarkInterest", me.has(Role.EMPLOYEE) && !readOnly);
    model.put("comments", comments.stream().map(c -> Map.of("id", c.id(), "author", c.authorName(),
        "when", shown(c.createdAt()), "body", c.body(),
        "canDelete", !readOnly && (organiser || c.authorId() == me.id()))).toList());
    model.put("canComment", me.has(Role.EMPLOYEE) && !readOnly);
    model.put("isLab", "lab".equals(event.kind()));
    model.put("stages", stages.stream().map(s -> Map.of("from", s.fromLabel(), "to", s.toLabel(), "note", s.note(),
        "by", s.changedBy(), "when", shown(s.changedAt()))).toList());
    model.put("canChangeStage", manages && PitchRules.stageRefusal(event.kind(), event.phase()).isEmpty());
    model.put("stageOptions", Arrays.stream(Stage.values()).filter(s -> !s.key().equals(pitch.stage()))
        .map(s -> Map.of("key", s.key(), "label", s.label())).toList());
    return model;
  }

  private String shown(OffsetDateTime t) {
    return Times.shown(t, zone);
  }
}
