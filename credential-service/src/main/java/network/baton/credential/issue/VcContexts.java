package network.baton.credential.issue;

/** JSON-LD context URLs and media types used by issued credentials and presentations. */
public final class VcContexts {
  /** W3C VC Data Model 2.0 base context. */
  public static final String CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2";

  /** W3C VC Data Model 1.1 base context (read when verifying older credentials). */
  public static final String CREDENTIALS_V1 = "https://www.w3.org/2018/credentials/v1";

  /** Open Badges 3.0 context. */
  public static final String OB_V3P0 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

  /** JOSE {@code typ} of a credential secured per VC-JOSE-COSE. */
  public static final String VC_JWT = "vc+jwt";

  /** JOSE {@code typ} of a presentation secured per VC-JOSE-COSE. */
  public static final String VP_JWT = "vp+jwt";

  /** Prefix of an enveloped credential's {@code id}. */
  public static final String ENVELOPED_VC_PREFIX = "data:application/vc+jwt,";

  /** The id prefix of an EnvelopedVerifiablePresentation holding a vp+jwt. */
  public static final String ENVELOPED_VP_PREFIX = "data:application/vp+jwt,";

  /** The {@code targetFramework} of every skill alignment. */
  public static final String SKILL_FRAMEWORK_NAME = "BATON battery skills framework";

  private VcContexts() {}
}
