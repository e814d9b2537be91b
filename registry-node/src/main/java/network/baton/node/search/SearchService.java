package network.baton.node.search;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.List;
import java.util.Map;

/**
 * Local search for the HTTP tier: parses requests and runs {@link LocalSearch} on a worker
 * executor, never on the event loop.
 */
public final class SearchService {

  private final LocalSearch search;
  private final WorkerExecutor workers;

  /** A service running {@code search} on {@code workers}. */
  public SearchService(LocalSearch search, WorkerExecutor workers) {
    this.search = requireNonNull(search, "search");
    this.workers = requireNonNull(workers, "workers");
  }

  /** Parses request parameters; fails with {@link InvalidSearchQuery} listing every problem. */
  public Future<SearchQuery> parse(Map<String, List<String>> params) {
    try {
      return Future.succeededFuture(SearchQuery.parse(params));
    } catch (InvalidSearchQuery e) {
      return Future.failedFuture(e);
    }
  }

  /** One page of results; fails with {@link InvalidSearchQuery} for a skill the framework lacks. */
  public Future<SearchResult> search(SearchQuery query) {
    return workers.executeBlocking(() -> search.search(query), false);
  }
}
