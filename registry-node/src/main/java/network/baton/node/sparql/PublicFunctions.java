package network.baton.node.sparql;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.atlas.lib.Lib;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.nodevalue.XSDFuncOp;
import org.apache.jena.sparql.function.Function;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.function.FunctionFactory;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.pfunction.PropertyFunctionFactory;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.util.Context;

/**
 * The extension functions and property functions a public query may call: an allow-list over Jena's
 * registries, put in each query's context so Jena looks nothing else up. Jena's own registries load
 * any class named by a {@code java:} IRI (and the {@code afn:}/{@code apf:} namespaces by class
 * name), have JavaScript functions, list and map functions that build values without bound, and
 * {@code fn:apply}, which calls a function named at run time; none of that is offered here.
 *
 * <p>Allowed: XSD casts; the XPath {@code fn:} functions except {@code fn:apply} and those that
 * SPARQL has as bounded built-ins ({@code fn:concat}, {@code fn:string-join}, {@code fn:replace},
 * {@code fn:matches}); {@code math:} except {@code math:pow}; Jena's registered {@code afn:} triple
 * and time-zone functions and {@code afn:localname}, {@code afn:namespace}. Every allowed
 * function's string result is held to the longest string, and a cast to an integer or decimal to
 * the longest number. Property functions: jena-text's {@code text:query} and the RDF list and
 * container ones.
 */
final class PublicFunctions {

  private static final String XSD = "http://www.w3.org/2001/XMLSchema#";
  private static final String FN = "http://www.w3.org/2005/xpath-functions#";
  private static final String MATH = "http://www.w3.org/2005/xpath-functions/math#";
  private static final String AFN = "http://jena.apache.org/ARQ/function#";

  private static final Set<String> REFUSED =
      Set.of(
          FN + "apply",
          FN + "concat",
          FN + "string-join",
          FN + "replace",
          FN + "matches",
          MATH + "pow");

  private static final List<String> MORE_AFN = List.of(AFN + "localname", AFN + "namespace");

  private static final List<String> PROPERTY_FUNCTIONS =
      List.of(
          TextQuery.NS + "query",
          "http://jena.apache.org/ARQ/list#member",
          "http://jena.apache.org/ARQ/list#index",
          "http://jena.apache.org/ARQ/list#length",
          "http://www.w3.org/2000/01/rdf-schema#member");

  private static final Closed FUNCTIONS = allowedFunctions();
  private static final ClosedProperties PROPERTIES = allowedPropertyFunctions();

  private PublicFunctions() {}

  /** The allowed functions, for a query's context ({@code ARQConstants.registryFunctions}). */
  static FunctionRegistry functions() {
    return FUNCTIONS;
  }

  /** The allowed property functions ({@code ARQConstants.registryPropertyFunctions}). */
  static PropertyFunctionRegistry propertyFunctions() {
    return PROPERTIES;
  }

  /** Whether a query may call this function IRI. */
  static boolean function(String iri) {
    return FUNCTIONS.isRegistered(iri);
  }

  /** Whether a query may use this property function IRI. */
  static boolean propertyFunction(String iri) {
    return PROPERTIES.isRegistered(iri);
  }

  /** Whether Jena, left to itself, would run this predicate as a property function. */
  static boolean jenaPropertyFunction(String iri) {
    return PropertyFunctionRegistry.get().manages(iri);
  }

  private static Closed allowedFunctions() {
    FunctionRegistry jena = FunctionRegistry.get();
    List<String> iris = new ArrayList<>();
    for (Iterator<String> keys = jena.keys(); keys.hasNext(); ) {
      String iri = keys.next();
      boolean namespace =
          iri.startsWith(XSD)
              || iri.startsWith(FN)
              || iri.startsWith(MATH)
              || (iri.startsWith(AFN) && jena.isRegistered(iri));
      if (namespace && !REFUSED.contains(iri)) {
        iris.add(iri);
      }
    }
    iris.addAll(MORE_AFN);
    Closed closed = new Closed();
    for (String iri : new TreeSet<>(iris)) {
      FunctionFactory factory = jena.get(iri);
      if (factory != null) {
        boolean numberCast =
            TypeMapper.getInstance().getSafeTypeByName(iri) instanceof XSDDatatype xsd
                && XSDFuncOp.isDecimalDatatype(xsd);
        closed.put(iri, uri -> new Checked(factory.create(uri), numberCast));
      }
    }
    return closed;
  }

  private static ClosedProperties allowedPropertyFunctions() {
    PropertyFunctionRegistry jena = PropertyFunctionRegistry.get();
    ClosedProperties closed = new ClosedProperties();
    for (String iri : PROPERTY_FUNCTIONS) {
      PropertyFunctionFactory factory = jena.get(iri);
      if (factory != null) {
        closed.put(iri, factory);
      }
    }
    return closed;
  }

  /** A function registry that knows its entries and loads nothing by name. */
  private static final class Closed extends FunctionRegistry {
    @Override
    public FunctionFactory get(String uri) {
      return isRegistered(uri) ? super.get(uri) : null;
    }
  }

  /** A property function registry that knows its entries and loads nothing by name. */
  private static final class ClosedProperties extends PropertyFunctionRegistry {
    @Override
    public boolean manages(String uri) {
      return isRegistered(uri);
    }

    @Override
    public PropertyFunctionFactory get(String uri) {
      return isRegistered(uri) ? super.get(uri) : null;
    }
  }

  /**
   * An allowed function whose string result is checked against the longest string; a cast to an
   * integer or decimal first checks the length of what it parses (evaluating its argument once
   * more: a cast cannot be asked for the value it was given).
   */
  private static final class Checked implements Function {
    private final Function function;
    private final boolean numberCast;
    private String iri;

    Checked(Function function, boolean numberCast) {
      this.function = function;
      this.numberCast = numberCast;
    }

    @Override
    public void build(String uri, ExprList args, Context context) {
      this.iri = uri;
      function.build(uri, args, context);
    }

    @Override
    public NodeValue exec(Binding binding, ExprList args, String uri, FunctionEnv env) {
      if (numberCast && args.size() == 1) {
        NodeValue value = args.get(0).eval(binding, env);
        if (value.isString()) {
          QueryBudget.checkNumber(value.getString().length(), name());
        }
      }
      NodeValue result = function.exec(binding, args, uri, env);
      Node node = result == null ? null : result.asNode();
      if (node != null && node.isLiteral()) {
        QueryBudget.of(env).checkString(node.getLiteralLexicalForm().length(), name());
      }
      return result;
    }

    private String name() {
      return iri == null ? Lib.className(function) : "<" + iri + ">";
    }
  }
}
