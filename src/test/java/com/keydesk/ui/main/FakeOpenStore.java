package com.keydesk.ui.main;

import com.keydesk.service.Session;

import java.util.ArrayList;
import java.util.List;

/** The open store for ViewModel tests: what the window says of it, and which switches were asked for. */
public final class FakeOpenStore implements OpenStore {
    private final String display;
    private final boolean team;
    public final List<String> asked = new ArrayList<>();

    public FakeOpenStore(String display, boolean team) {
        this.display = display;
        this.team = team;
    }

    @Override
    public String display() {
        return display;
    }

    @Override
    public boolean isTeamStore() {
        return team;
    }

    @Override
    public void openTeamStore() {
        asked.add("open");
    }

    @Override
    public void openLocalStore() {
        asked.add("local");
    }

    @Override
    public void moveToTeamStore(Session session) {
        asked.add("move as " + session.username());
    }
}
