/**
 * The local network launcher: member nodes on loopback, everything under one folder, used by {@code
 * baton demo}, the benchmarks and the multi-node tests.
 *
 * <ul>
 *   <li>{@link network.baton.node.launch.LocalNetwork}: starts members (a few at a time, in this
 *       JVM or each as a process of its own), stops and kills them, signs membership lists with the
 *       coordinator's key, and on close stops everything and removes the folder unless kept.
 *   <li>{@link network.baton.node.launch.NetworkOptions}: what differs between networks (admin
 *       token, credential settings, coordinator and list sync, the list signed at start, configs
 *       that list each other, the node setup, a link delay, processes, keeping the data).
 *   <li>{@link network.baton.node.launch.MemberPlan}: one member to start (key, names, port, base
 *       URL, DID, roles, token, content, a last config change, its own setup); {@link
 *       network.baton.node.launch.LocalMember}: a started one.
 *   <li>{@link network.baton.node.launch.MemberContent}: what a store holds before its node opens
 *       it (the sample content of an institution, or anything written into the data folder).
 *   <li>{@link network.baton.node.launch.LocalPorts}: free loopback ports, taken ones named.
 *   <li>{@link network.baton.node.launch.LocalCa}: the CA of an https network ({@code
 *       FOLDER/tls/}), made once and reused, and a certificate for each member on localhost.
 * </ul>
 *
 * <p>Layout: member {@code KEY} keeps its store in {@code FOLDER/KEY/}; the list signed at start is
 * saved as {@code FOLDER/KEY/federation/membership.jwt} before the node's first start; a process
 * member's config is {@code FOLDER/KEY.json} and its output {@code FOLDER/KEY.log}. Ports are fixed
 * when the plan names one, else picked free before the start so that the base URL ({@code
 * http://localhost:PORT}, or {@code https://} on an https network) and the did:web ({@code
 * did:web:localhost%3APORT}) name them; a member given a base URL of its own listens on any port
 * and is reached at {@code http://127.0.0.1:PORT} (or at its delayed link).
 */
package network.baton.node.launch;
