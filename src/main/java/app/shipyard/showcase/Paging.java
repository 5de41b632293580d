package app.shipyard.showcase;

import java.util.List;

/**
 * A page of a numbered list ({@code ?page=2}): the items shown and the links of the pager partial. Galleries of the
 * showcase are short (a few hundred projects an event), so numbered pages serve, and a page is shareable.
 */
record Paging<T>(List<T> items, int page, boolean hasMore, String first, String previous, String next) {

  static <T> Paging<T> of(List<T> fetched, int limit, int page, String base) {
    boolean more = fetched.size() > limit;
    String join = base.contains("?") ? "&" : "?";
    return new Paging<>(more ? fetched.subList(0, limit) : fetched, page, more,
        page > 2 ? base : null, page > 1 ? (page == 2 ? base : base + join + "page=" + (page - 1)) : null,
        more ? base + join + "page=" + (page + 1) : null);
  }

  static int offset(int page, int limit) {
    return (int) Math.min((long) (page - 1) * limit, Integer.MAX_VALUE);
  }

  /** For the pager partial. */
  public boolean shown() {
    return previous != null || next != null;
  }

  public String label() {
    return "Pages";
  }
}
