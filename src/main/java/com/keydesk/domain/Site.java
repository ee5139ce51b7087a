package com.keydesk.domain;

/** The one site a store administers, and its setting. */
public record Site(String name, boolean usersCanCreateApiKeys) {
}
