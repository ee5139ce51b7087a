package com.keydesk.service;

import com.keydesk.domain.ApiKey;

import java.util.List;

/** One page of keys; {@code more} when at least one more key matches after the last. */
public record KeyPage(List<ApiKey> keys, boolean more) {
}
