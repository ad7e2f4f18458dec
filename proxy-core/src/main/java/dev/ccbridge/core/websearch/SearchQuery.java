package dev.ccbridge.core.websearch;

import java.util.List;

/**
 * One search as a backend is asked it.
 *
 * @param allowedDomains only pages of these domains (and their subdomains); empty: any
 * @param blockedDomains never pages of these domains
 * @param maxResults     at most this many pages
 */
public record SearchQuery(String text, List<String> allowedDomains, List<String> blockedDomains, int maxResults) {
    public SearchQuery {
        allowedDomains = List.copyOf(allowedDomains);
        blockedDomains = List.copyOf(blockedDomains);
    }

    public DomainFilter filter() {
        return new DomainFilter(allowedDomains, blockedDomains);
    }
}
