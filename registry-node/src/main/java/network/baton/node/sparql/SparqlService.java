package network.baton.node.sparql;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.MIMEHeader;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import network.baton.node.config.QueryLimits;
import org.apache.jena.atlas.lib.Alarm;
import org.apache.jena.atlas.lib.AlarmClock;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryBuildException;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionDatasetBuilder;
import org.apache.jena.query.text.TextIndexParseException;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read-only SPARQL over the node's store for the public: the default graph is the union of resource
 * graphs, and each query is bounded.
 *
 * <ul>
 *   <li>what it may use ({@link QueryPolicy}: no SERVICE, allowed functions only);
 *   <li>time ({@code sparqlTimeout}): Jena's timeout raises the cancel signal, which the iterators,
 *       {@link BoundedExpressions}' regex and REPLACE and the answer writer all poll, and the same
 *       alarm aborts the execution, which also stops a sort in progress; a query whose client has
 *       gone is aborted ({@link QueryRun}), and one still queued never starts;
 *   <li>rows ({@code resultCap}, a LIMIT), strings, numbers and held memory ({@link QueryBudget}),
 *       answer bytes ({@link AnswerBuffer}).
 * </ul>
 *
 * <p>Past the time limit: 503 {@code query-timeout} (as Fuseki; the same query may pass on a less
 * busy node). Past a cost limit: 422 {@code query-too-large} naming the limit (RFC 9110 15.5.21:
 * the query is understood but this node will not carry it out as written; sending it again does not
 * help, a narrower query does).
 */
public final class SparqlService {

  private static final Logger log = LoggerFactory.getLogger(SparqlService.class);

  private static final List<Format> RESULT_FORMATS =
      List.of(
          new Format("application/sparql-results+json", ResultSetLang.RS_JSON, null),
          new Format("application/sparql-results+xml", ResultSetLang.RS_XML, null),
          new Format("text/csv", ResultSetLang.RS_CSV, null),
          new Format("text/tab-separated-values", ResultSetLang.RS_TSV, null),
          new Format("application/json", ResultSetLang.RS_JSON, null));

  private static final List<Format> GRAPH_FORMATS =
      List.of(
          new Format("text/turtle", Lang.TURTLE, RDFFormat.TURTLE_PRETTY),
          new Format("application/n-triples", Lang.NTRIPLES, RDFFormat.NTRIPLES_UTF8),
          new Format("application/ld+json", Lang.JSONLD, RDFFormat.JSONLD11_PRETTY),
          new Format("application/rdf+xml", Lang.RDFXML, RDFFormat.RDFXML_PLAIN));

  private final Dataset dataset;
  private final WorkerExecutor pool;
  private final Duration timeout;
  private final int resultCap;
  private final QueryLimits limits;

  /** A service over dataset with a time limit, a solution cap and cost limits per query. */
  public SparqlService(
      Dataset dataset, WorkerExecutor pool, Duration timeout, int resultCap, QueryLimits limits) {
    this.dataset = requireNonNull(dataset, "dataset");
    this.pool = requireNonNull(pool, "pool");
    this.timeout = requireNonNull(timeout, "timeout");
    this.resultCap = resultCap;
    this.limits = requireNonNull(limits, "limits");
  }

  /** A service with the default cost limits. */
  public SparqlService(Dataset dataset, WorkerExecutor pool, Duration timeout, int resultCap) {
    this(dataset, pool, timeout, resultCap, QueryLimits.defaults());
  }

  /** The cost limits (the routes check the query text against them). */
  public QueryLimits limits() {
    return limits;
  }

  /** Parses, runs and serializes a query in the best accepted format. */
  public Future<SparqlAnswer> query(String queryText, List<MIMEHeader> accept) {
    return query(queryText, accept, new QueryRun());
  }

  /**
   * As {@link #query(String, List)}, for a request whose client may go away: then the query is
   * aborted (or never started) and the future fails with {@link QueryRun.Abandoned}.
   */
  public Future<SparqlAnswer> query(String queryText, List<MIMEHeader> accept, QueryRun run) {
    return query(queryText, QueryDataset.NONE, accept, run);
  }

  /** As {@link #query(String, List, QueryRun)} over the dataset the request names. */
  public Future<SparqlAnswer> query(
      String queryText, QueryDataset named, List<MIMEHeader> accept, QueryRun run) {
    return pool.executeBlocking(() -> run(queryText, named, accept, run), false);
  }

  private SparqlAnswer run(
      String queryText, QueryDataset named, List<MIMEHeader> accept, QueryRun run) {
    run.checkClient();
    long started = System.nanoTime();
    try {
      Query query = QueryPolicy.parseAndCheck(queryText);
      if (!query.hasLimit() || query.getLimit() > resultCap) {
        query.setLimit(resultCap);
      }
      boolean graphResult = query.isConstructType() || query.isDescribeType();
      Format format = negotiate(graphResult ? GRAPH_FORMATS : RESULT_FORMATS, accept);
      QueryBudget budget = new QueryBudget(limits);
      // The chosen dataset is a view of the store's graphs, opened within the read transaction.
      byte[] body =
          Txn.calculateRead(
              dataset,
              () ->
                  execute(query, named.over(dataset.asDatasetGraph(), query), format, budget, run));
      log.debug(
          "query answered [type: {}, ms: {}, held bytes: {}]",
          query.queryType(),
          (System.nanoTime() - started) / 1_000_000,
          budget.held());
      return new SparqlAnswer(format.mediaType(), body);
    } catch (QueryCancelledException e) {
      if (run.isClientGone()) {
        log.info("query aborted: its client went away [ms: {}]", millisSince(started));
        throw new QueryRun.Abandoned();
      }
      log.info("query cancelled at its time limit [ms: {}]", timeout.toMillis());
      throw new QueryRefused(
          QueryRefused.Reason.TIMED_OUT,
          "the query ran past this node's limit of " + timeout.toMillis() + " ms and was cancelled",
          Map.of("timeoutMs", timeout.toMillis()));
    } catch (QueryLimitExceeded e) {
      log.info(
          "query stopped at a limit [limit: {}, value: {}, ms: {}]",
          e.limit(),
          e.value(),
          millisSince(started));
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("limit", e.limit());
      facts.put("value", e.value());
      throw new QueryRefused(QueryRefused.Reason.TOO_LARGE, e.getMessage(), facts);
    } catch (QueryDeniedException e) {
      throw new QueryRefused(QueryRefused.Reason.DENIED, e.getMessage());
    } catch (TextIndexParseException | QueryBuildException e) {
      // A text:query whose Lucene query does not parse, or a property function given wrong
      // arguments: the client's mistake.
      throw new QueryRefused(QueryRefused.Reason.BAD_ARGUMENT, e.getMessage());
    } catch (StackOverflowError e) {
      // Deep nesting (a thousand nested groups, a long chain of operators) or a regular
      // expression that recursed deeper than a worker's stack; the transaction ended in Txn.
      throw QueryPolicy.tooDeep();
    }
  }

  /**
   * Runs the query inside the caller's read transaction and writes its answer: over the dataset the
   * request chose, or else over the store with the union of its graphs as default graph.
   */
  private byte[] execute(
      Query query, DatasetGraph chosen, Format format, QueryBudget budget, QueryRun run) {
    Alarm deadline = null;
    QueryExecutionDatasetBuilder builder =
        QueryExecution.dataset(chosen == null ? dataset : DatasetFactory.wrap(chosen)).query(query);
    if (chosen == null) {
      builder.set(TDB2.symUnionDefaultGraph, true);
    }
    try (QueryExecution qe =
        QueryContexts.bound(builder, budget)
            .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .build()) {
      run.started(qe);
      // Jena's timeout only raises the cancel signal; the abort also tells the iterators, so a
      // sort in progress stops at its next comparison.
      deadline = AlarmClock.get().add(run::abort, timeout.toMillis());
      AnswerBuffer out = new AnswerBuffer(limits.maxAnswerBytes(), budget);
      if (query.isSelectType()) {
        ResultsWriter.create().lang(format.lang()).write(out, qe.execSelect());
      } else if (query.isAskType()) {
        ResultsWriter.create().lang(format.lang()).write(out, qe.execAsk());
      } else {
        Model model = ModelFactory.createModelForGraph(new HeldGraph(budget));
        if (query.isConstructType()) {
          qe.execConstruct(model);
        } else {
          qe.execDescribe(model);
        }
        RDFDataMgr.write(out, model, format.rdfFormat());
      }
      return out.toByteArray();
    } finally {
      if (deadline != null) {
        AlarmClock.get().cancel(deadline);
      }
      run.finished();
    }
  }

  private static long millisSince(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }

  private static Format negotiate(List<Format> formats, List<MIMEHeader> accept) {
    if (accept == null || accept.isEmpty()) {
      return formats.get(0);
    }
    for (MIMEHeader header : accept) {
      if (header.weight() <= 0) {
        continue;
      }
      String type = header.component().toLowerCase(Locale.ROOT);
      String sub = header.subComponent().toLowerCase(Locale.ROOT);
      for (Format f : formats) {
        String[] parts = f.mediaType().split("/");
        if ((type.equals("*") || type.equals(parts[0]))
            && (sub.equals("*") || sub.equals(parts[1]))) {
          return type.equals("*") && sub.equals("*") ? formats.get(0) : f;
        }
      }
    }
    throw new QueryRefused(
        QueryRefused.Reason.NOT_ACCEPTABLE,
        "this query's results are available as "
            + String.join(", ", formats.stream().map(Format::mediaType).toList()));
  }

  private record Format(String mediaType, Lang lang, RDFFormat rdfFormat) {}
}
