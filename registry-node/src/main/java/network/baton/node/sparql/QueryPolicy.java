package network.baton.node.sparql;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.expr.aggregate.AggCustom;
import org.apache.jena.sparql.expr.aggregate.Aggregator;

/**
 * What a query from the public may be, checked before it runs, for {@code /sparql} and {@code
 * /federation/sparql} alike: SPARQL 1.1 syntax (a parse error is 400 with line and column), no
 * {@code SERVICE} anywhere (inside OPTIONAL, UNION, subqueries and EXISTS too, SILENT or not, a
 * variable or an IRI), only the extension functions and property functions of {@link
 * PublicFunctions}, no custom aggregates. {@code FROM} and {@code FROM NAMED} choose graphs of the
 * store ({@link QueryDataset}; nothing is fetched).
 */
public final class QueryPolicy {

  private QueryPolicy() {}

  /**
   * Parses a SPARQL 1.1 query; a blank one, a parse error or an update is a {@link QueryRefused}.
   */
  public static Query parse(String text) {
    if (text == null || text.isBlank()) {
      throw new QueryRefused(
          QueryRefused.Reason.NO_QUERY,
          "no query given (use ?query=... or POST application/sparql-query)");
    }
    try {
      return QueryFactory.create(text, Syntax.syntaxSPARQL_11);
    } catch (QueryParseException e) {
      if (e.getCause() instanceof StackOverflowError) {
        // Jena's parser turns any Error into a parse exception without a position.
        throw tooDeep();
      }
      if (looksLikeUpdate(text)) {
        throw new QueryRefused(QueryRefused.Reason.UPDATE, "an update sent to the query endpoint");
      }
      Map<String, Object> where = new LinkedHashMap<>();
      if (e.getLine() > 0) {
        where.put("line", e.getLine());
        where.put("column", e.getColumn());
      }
      throw new QueryRefused(QueryRefused.Reason.MALFORMED, e.getMessage(), where);
    } catch (StackOverflowError e) {
      throw tooDeep();
    }
  }

  /** Parses and checks a query (see {@link #check}). */
  public static Query parseAndCheck(String text) {
    Query query = parse(text);
    check(query);
    return query;
  }

  /** Throws a {@link QueryRefused} naming the first part of the query the public may not use. */
  public static void check(Query query) {
    Op op;
    try {
      op = Algebra.compile(query);
      Walker.walk(op, new Ops(), new Exprs());
    } catch (StackOverflowError e) {
      throw tooDeep();
    }
  }

  /** The refusal of a query nested deeper than a worker's stack. */
  static QueryRefused tooDeep() {
    return new QueryRefused(
        QueryRefused.Reason.TOO_COMPLEX,
        "the query is nested too deeply for this node to parse or run");
  }

  private static QueryRefused notAllowed(String what) {
    return new QueryRefused(
        QueryRefused.Reason.NOT_ALLOWED,
        what + " is not allowed on this endpoint",
        Map.of("refused", what));
  }

  private static boolean looksLikeUpdate(String text) {
    String upper = text.toUpperCase(Locale.ROOT);
    return upper.matches("(?s).*\\b(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY)\\b.*")
        && !upper.matches("(?s).*\\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\\b.*");
  }

  /**
   * True if the query calls jena-text ({@code text:query}) anywhere, subqueries and EXISTS too: the
   * text index answers from all of the node's graphs, whatever dataset the request names.
   */
  static boolean searchesTextIndex(Query query) {
    boolean[] found = {false};
    Walker.walk(
        Algebra.compile(query),
        new Predicates() {
          @Override
          void predicate(Triple triple) {
            Node p = triple.getPredicate();
            if (p.isURI() && p.getURI().startsWith(TextQuery.NS)) found[0] = true;
          }
        },
        new ExprVisitorBase());
    return found[0];
  }

  /** Each triple pattern's predicate, where Jena looks for property functions (BGPs). */
  private abstract static class Predicates extends OpVisitorBase {
    @Override
    public void visit(OpBGP op) {
      op.getPattern().forEach(this::predicate);
    }

    @Override
    public void visit(OpTriple op) {
      predicate(op.getTriple());
    }

    @Override
    public void visit(OpPath op) {
      // A path's links are plain predicates; Jena runs property functions from BGPs only.
    }

    abstract void predicate(Triple triple);
  }

  /** SERVICE, property functions, custom aggregates. */
  private static final class Ops extends Predicates {
    @Override
    public void visit(OpService op) {
      throw notAllowed(
          "SERVICE"
              + (op.getSilent() ? " SILENT" : "")
              + " ("
              + op.getService()
              + "); this node calls no other endpoint for a query (ask /federation/sparql to"
              + " query the network)");
    }

    @Override
    public void visit(OpGroup op) {
      for (ExprAggregator aggregator : op.getAggregators()) {
        aggregate(aggregator.getAggregator());
      }
    }

    @Override
    void predicate(Triple triple) {
      Node p = triple.getPredicate();
      if (p.isURI()
          && PublicFunctions.jenaPropertyFunction(p.getURI())
          && !PublicFunctions.propertyFunction(p.getURI())) {
        throw notAllowed("the property function <" + p.getURI() + ">");
      }
    }
  }

  /** Extension functions and aggregates inside expressions (EXISTS patterns are walked too). */
  private static final class Exprs extends ExprVisitorBase {
    @Override
    public void visit(ExprFunctionN func) {
      if (func instanceof E_Function f && !PublicFunctions.function(f.getFunctionIRI())) {
        throw notAllowed("the function <" + f.getFunctionIRI() + ">");
      }
    }

    @Override
    public void visit(ExprAggregator eAgg) {
      aggregate(eAgg.getAggregator());
    }
  }

  private static void aggregate(Aggregator aggregator) {
    if (aggregator instanceof AggCustom custom) {
      throw notAllowed("the custom aggregate <" + custom.getIRI() + ">");
    }
  }
}
