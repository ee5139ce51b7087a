package com.keydesk.domain;

/**
 * Where a store is, as the front ends may hold it: named to a person, opened only by the
 * composition root. The store layer's addresses (a local folder, a team store) are such places;
 * a front end passes one along without knowing which kind it is.
 */
public interface StorePlace {
    /** What names the store to a person (title bar, messages, the witness): never a password. */
    String display();
}
