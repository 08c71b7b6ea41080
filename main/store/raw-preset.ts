/**
 * The preset dictionary for deflating raw records before a feed has a
 * dictionary trained on its own records: keys and frequent values of STIX 2.1
 * objects and Suricata EVE events, laid out as they appear in real records.
 * Deflate codes nearer matches more cheaply, so the most frequent text (EVE
 * alerts) comes last. Changing this text is safe: each cache stores the
 * dictionaries its rows were deflated with.
 */

const STIX = [
  '{"type":"bundle","id":"bundle--","objects":[',
  '{"type":"marking-definition","spec_version":"2.1","id":"marking-definition--",',
  '"created":"2022-10-01T00:00:00.000Z","definition_type":"tlp","name":"TLP:',
  '"marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"',
  '"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"',
  '"marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"',
  '"marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed"',
  '"marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"',
  '"marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"',
  '"marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"',
  '"marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"',
  '"marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"',
  '{"type":"identity","spec_version":"2.1","id":"identity--","identity_class":"organization",',
  '"sectors":["financial-services","government","healthcare","energy","technology"],',
  '{"type":"location","spec_version":"2.1","id":"location--","country":"","region":"",',
  '"latitude":,"longitude":,',
  '{"type":"relationship","spec_version":"2.1","id":"relationship--","relationship_type":',
  '"indicates","source_ref":"indicator--","target_ref":"malware--",',
  '{"type":"malware","spec_version":"2.1","id":"malware--","is_family":true,',
  '{"type":"sighting","spec_version":"2.1","id":"sighting--","sighting_of_ref":"indicator--",',
  '"first_seen":"","last_seen":"","count":1,"where_sighted_refs":["identity--"],',
  '"observed_data_refs":["observed-data--"],',
  '{"type":"indicator","spec_version":"2.1","id":"indicator--",',
  '"created_by_ref":"identity--","created":"2024-01-01T00:00:00.000Z",',
  '"modified":"2024-01-01T00:00:00.000Z","name":"","description":"",',
  '"indicator_types":["malicious-activity"],"pattern":"[ipv4-addr:value = \'',
  '\']","pattern":"[domain-name:value = \'","pattern":"[url:value = \'',
  '"pattern":"[file:hashes.\'SHA-256\' = \'","pattern_type":"stix","pattern_version":"2.1",',
  '"valid_from":"2024-01-01T00:00:00Z","valid_until":"","kill_chain_phases":',
  '[{"kill_chain_name":"mitre-attack","phase_name":""}],"labels":[],"confidence":',
  '"external_references":[{"source_name":"","url":"https://","external_id":""}],',
  '"object_marking_refs":["marking-definition--"]}',
];

const EVE = [
  '{"timestamp":"","flow_id":,"event_type":"dns","dns":{"type":"answer","id":,',
  '"rrname":"","rrtype":"A","rcode":"NOERROR","ttl":,"rdata":""}}',
  '"fileinfo":{"filename":"\\/","gaps":false,"state":"CLOSED","md5":"","sha1":"","sha256":"",',
  '"stored":false,"size":,"tx_id":0}',
  '"payload":"","payload_printable":"","stream":0,"packet":"","packet_info":{"linktype":1}',
  '"ssh":{"client":{"proto_version":"2.0","software_version":"OpenSSH_"},',
  '"server":{"proto_version":"2.0","software_version":"OpenSSH_"}}',
  '"dns":{"query":[{"type":"query","id":,"rrname":"","rrtype":"A","tx_id":0,"opcode":0}]}',
  '"tls":{"subject":"CN=","issuerdn":"C=US, O=Let\'s Encrypt, CN=R3","serial":"",',
  '"fingerprint":"","sni":"","version":"TLS 1.2","notbefore":"","notafter":"",',
  '"ja3":{"hash":"","string":""},"ja3s":{"hash":"","string":""}}',
  '"http":{"hostname":"","http_port":,"url":"\\/","http_user_agent":"Mozilla\\/5.0 ',
  '(Windows NT 10.0; Win64; x64) AppleWebKit\\/537.36 (KHTML, like Gecko) Chrome\\/',
  '"http_content_type":"text\\/html","http_refer":"","http_method":"GET",',
  '"protocol":"HTTP\\/1.1","status":200,"length":}',
  '"metadata":{"affected_product":["Any"],"attack_target":["Client_Endpoint"],',
  '"created_at":["20"],"deployment":["Perimeter"],"former_category":[""],',
  '"signature_severity":["Major"],"updated_at":["20"]}',
  '"category":"Potentially Bad Traffic","category":"Attempted Information Leak",',
  '"category":"Misc Attack","category":"A Network Trojan was detected",',
  '"category":"Web Application Attack","category":"Generic Protocol Command Decode",',
  '"signature":"ET POLICY ","signature":"ET SCAN ","signature":"ET INFO ",',
  '"signature":"ET MALWARE ","signature":"ET EXPLOIT ","signature":"SURICATA ",',
  '"app_proto":"http","app_proto":"tls","app_proto":"dns","app_proto":"failed",',
  '"flow":{"pkts_toserver":,"pkts_toclient":,"bytes_toserver":,"bytes_toclient":,',
  '"start":"","src_ip":"","dest_ip":"","src_port":,"dest_port":}}',
  '{"timestamp":"2025-01-01T00:00:00.000000+0000","flow_id":,"in_iface":"eth0",',
  '"event_type":"alert","src_ip":"","src_port":,"dest_ip":"","dest_port":,"proto":"TCP",',
  '"pkt_src":"wire/pcap","tx_id":0,"alert":{"action":"allowed","gid":1,"signature_id":,',
  '"rev":,"signature":"","category":"","severity":2},"direction":"to_server",',
];

/** The preset dictionary, as the bytes deflate is given. */
export const PRESET_DICTIONARY = Buffer.from([...STIX, ...EVE].join(''), 'utf8');
