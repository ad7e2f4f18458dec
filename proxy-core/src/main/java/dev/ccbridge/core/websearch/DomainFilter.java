package dev.ccbridge.core.websearch;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The {@code allowed_domains} and {@code blocked_domains} of a search, as Anthropic applies them: a
 * domain covers its subdomains ({@code example.com} also allows {@code docs.example.com}).
 * Backends that cannot filter themselves get their hits filtered here, and every backend's are
 * checked again.
 */
public record DomainFilter(List<String> allowed, List<String> blocked) {
    public DomainFilter {
        allowed = allowed.stream().map(DomainFilter::domain).filter(d -> !d.isEmpty()).toList();
        blocked = blocked.stream().map(DomainFilter::domain).filter(d -> !d.isEmpty()).toList();
    }

    public boolean admits(String url) {
        String host = host(url);
        if (host == null) {
            return false;
        }
        if (blocked.stream().anyMatch(domain -> covers(domain, host))) {
            return false;
        }
        return allowed.isEmpty() || allowed.stream().anyMatch(domain -> covers(domain, host));
    }

    private static boolean covers(String domain, String host) {
        return host.equals(domain) || host.endsWith("." + domain);
    }

    private static String host(String url) {
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    /** A domain as written, reduced to its host: {@code https://www.example.com/x} reads as {@code www.example.com}. */
    private static String domain(String written) {
        String domain = written.strip().toLowerCase(Locale.ROOT);
        int scheme = domain.indexOf("://");
        if (scheme >= 0) {
            domain = domain.substring(scheme + 3);
        }
        int slash = domain.indexOf('/');
        return slash >= 0 ? domain.substring(0, slash) : domain;
    }
}
