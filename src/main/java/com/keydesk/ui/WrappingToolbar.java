package com.keydesk.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.List;

/**
 * A toolbar that wraps instead of cutting controls off on a narrow window: the actions at the
 * start flow onto as many rows as they need; the group at the end (search, filters) stays
 * together, at the right of the last row when it fits there, else on a row of its own.
 */
public final class WrappingToolbar extends Region {
    private static final double GAP = 8;
    private final List<Node> blocks = new ArrayList<>();
    private final HBox end;

    public WrappingToolbar(List<? extends Node> start, List<? extends Node> endGroup) {
        end = new HBox(GAP);
        end.getChildren().setAll(endGroup);
        end.setAlignment(Pos.CENTER_LEFT);
        end.setMinWidth(Region.USE_PREF_SIZE);
        blocks.addAll(start);
        blocks.add(end);
        getChildren().addAll(blocks);
        setPadding(new Insets(0, 0, 10, 0));
    }

    /** One placed block: which row, its x, width and height. */
    private record Place(Node node, int row, double x, double width, double height) {
    }

    private List<Place> flow(double width) {
        double inner = Math.max(0, width - snappedLeftInset() - snappedRightInset());
        List<Place> places = new ArrayList<>();
        int row = 0;
        double x = 0;
        for (Node node : blocks) {
            if (!node.isManaged()) {
                continue;
            }
            double w = Math.min(node.prefWidth(-1), inner);
            if (x > 0 && x + w > inner) {
                row++;
                x = 0;
            }
            if (node == end && x > 0) {
                x = inner - w;   // right-aligned on the row it shares with the last actions
            }
            places.add(new Place(node, row, x, w, node.prefHeight(w)));
            x += w + GAP;
        }
        return places;
    }

    private static double[] rowHeights(List<Place> places) {
        int rows = places.isEmpty() ? 0 : places.getLast().row() + 1;
        double[] heights = new double[rows];
        for (Place p : places) {
            heights[p.row()] = Math.max(heights[p.row()], p.height());
        }
        return heights;
    }

    @Override
    protected void layoutChildren() {
        List<Place> places = flow(getWidth());
        double[] heights = rowHeights(places);
        double[] tops = new double[heights.length];
        double y = snappedTopInset();
        for (int r = 0; r < heights.length; r++) {
            tops[r] = y;
            y += heights[r] + GAP;
        }
        for (Place p : places) {
            double top = tops[p.row()] + (heights[p.row()] - p.height()) / 2;
            p.node().resizeRelocate(snappedLeftInset() + p.x(), top, p.width(), p.height());
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        double sum = 0;
        for (Node node : blocks) {
            if (node.isManaged()) {
                sum += node.prefWidth(-1) + (sum > 0 ? GAP : 0);
            }
        }
        return snappedLeftInset() + sum + snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        double widest = 0;
        for (Node node : blocks) {
            if (node.isManaged()) {
                widest = Math.max(widest, node.minWidth(-1));
            }
        }
        return snappedLeftInset() + widest + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double w = width < 0 ? computePrefWidth(-1) : width;
        double[] heights = rowHeights(flow(w));
        double sum = 0;
        for (double h : heights) {
            sum += h;
        }
        return snappedTopInset() + sum + Math.max(0, heights.length - 1) * GAP + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }
}
