package dev.oro.web;

import dev.oro.OroException;

/**
 * One page of a long list, numbered from 1. A page number that is not a number, or points past
 * the end, is the user's mistake and is answered with a clear 400, not an empty page.
 *
 * @param base the URL the page number is appended to, ending in {@code ?} or {@code &}
 */
public record RunPager(int page, int pages, long total, int size, String base) {

    static RunPager of(String requested, long total, int size, String base) {
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int page;
        try {
            page = requested == null || requested.isBlank() ? 1 : Integer.parseInt(requested.strip());
        } catch (NumberFormatException e) {
            throw OroException.invalid("bad-page", "'page' must be a whole number from 1 to " + pages + ", not '" + requested + "'");
        }
        if (page < 1 || page > pages) {
            throw OroException.invalid("bad-page", "there is no page " + page + ": pages run from 1 to " + pages);
        }
        return new RunPager(page, pages, total, size, base);
    }

    public long offset() {
        return (long) (page - 1) * size;
    }

    public boolean hasPrev() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }

    public String prev() {
        return base + "page=" + (page - 1);
    }

    public String next() {
        return base + "page=" + (page + 1);
    }

    public String first() {
        return base + "page=1";
    }

    public String last() {
        return base + "page=" + pages;
    }
}
