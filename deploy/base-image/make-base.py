# Builds a docker-save tarball: a jlink'ed Java 17 runtime at /opt/java and the glibc libraries it needs, from this
# machine's Debian packages; a passwd entry for uid 65532 (nonroot); /tmp and /data writable dirs.
import tarfile, io, json, hashlib, os, sys, time
rt, out = sys.argv[1], sys.argv[2]
libs = ["/lib64/ld-linux-x86-64.so.2"] + ["/lib/x86_64-linux-gnu/" + n for n in
        ["libc.so.6", "libm.so.6", "libgcc_s.so.1", "libstdc++.so.6", "libz.so.1", "libdl.so.2", "libpthread.so.0", "librt.so.1"]]
layer = io.BytesIO()
with tarfile.open(fileobj=layer, mode="w", format=tarfile.PAX_FORMAT) as t:
    def d(name, mode=0o755):
        i = tarfile.TarInfo(name); i.type = tarfile.DIRTYPE; i.mode = mode; i.mtime = 0; t.addfile(i)
    def f(name, data, mode=0o644):
        i = tarfile.TarInfo(name); i.size = len(data); i.mode = mode; i.mtime = 0; t.addfile(i, io.BytesIO(data))
    for n in ["etc", "lib", "lib64", "lib/x86_64-linux-gnu", "opt", "usr", "usr/lib", "data"]: d(n)
    d("tmp", 0o1777)
    f("etc/passwd", b"root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/data:/sbin/nologin\n")
    f("etc/group", b"root:x:0:\nnonroot:x:65532:\n")
    f("etc/nsswitch.conf", b"hosts: files dns\n")
    for lib in libs:
        if os.path.exists(lib):
            t.add(os.path.realpath(lib), arcname=lib.lstrip("/"))
    def filt(i):
        i.uid = i.gid = 0; i.uname = i.gname = ""; i.mtime = 0; return i
    t.add(rt, arcname="opt/java", filter=filt)
layer_bytes = layer.getvalue()
diff_id = "sha256:" + hashlib.sha256(layer_bytes).hexdigest()
config = {"architecture": "amd64", "os": "linux",
          "config": {"Env": ["PATH=/opt/java/bin:/usr/bin:/bin", "JAVA_HOME=/opt/java", "LD_LIBRARY_PATH=/opt/java/lib:/opt/java/lib/server"], "User": "65532:65532"},
          "rootfs": {"type": "layers", "diff_ids": [diff_id]},
          "history": [{"created_by": "jlink runtime + glibc from Debian packages (ecabot base)"}]}
config_bytes = json.dumps(config).encode()
config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
with tarfile.open(out, "w") as t:
    for name, data in [("layer.tar", layer_bytes), (config_name, config_bytes),
                       ("manifest.json", json.dumps([{"Config": config_name, "RepoTags": ["ecabot-base:17"],
                                                      "Layers": ["layer.tar"]}]).encode())]:
        i = tarfile.TarInfo(name); i.size = len(data); i.mtime = 0; t.addfile(i, io.BytesIO(data))
print(out, len(layer_bytes), diff_id)
