package cloud.aleph.flink.operators.crypto.tezos;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The bytes a Tezos web wallet signs for a "micheline" signature, as the reference rebuilds them
 * (spec §3.2.5): {@code 05 01 00 || ascii(decimal(len(hex(payload)))) || payload} with payload
 * {@code "Tezos Signed Message: <dApp URL> <ISO time> <buffer>"}. The length written is that of
 * the payload's hex string, a quirk of the old Taquito format the reference keeps.
 */
public final class MichelineMessage {

    private static final byte[] PREFIX = "Tezos Signed Message:".getBytes(StandardCharsets.US_ASCII);

    private MichelineMessage() {}

    public static byte[] bytesToSign(byte[] verificationBuffer, double envelopeTime, byte[] dAppUrlUtf8) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes(PREFIX);
        payload.write(' ');
        payload.writeBytes(dAppUrlUtf8);
        payload.write(' ');
        payload.writeBytes(isoMillis(envelopeTime).getBytes(StandardCharsets.US_ASCII));
        payload.write(' ');
        payload.writeBytes(verificationBuffer);
        byte[] payloadBytes = payload.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(payloadBytes.length + 16);
        out.write(0x05);
        out.write(0x01);
        out.write(0x00);
        out.writeBytes(Long.toString(2L * payloadBytes.length).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payloadBytes);
        return out.toByteArray();
    }

    /**
     * {@code datetime_to_iso_8601(datetime.fromtimestamp(time, timezone.utc))}:
     * {@code YYYY-MM-DDTHH:MM:SS.mmmZ}. CPython first rounds the float to whole microseconds
     * (half to even, on the fractional part from {@code modf}); milliseconds then truncate.
     */
    public static String isoMillis(double time) {
        double wholeSeconds = time < 0 ? Math.ceil(time) : Math.floor(time);
        double micros = Math.rint((time - wholeSeconds) * 1e6);
        if (micros >= 1e6) {
            micros -= 1e6;
            wholeSeconds += 1.0;
        } else if (micros < 0) {
            micros += 1e6;
            wholeSeconds -= 1.0;
        }
        LocalDateTime utc = LocalDateTime.ofEpochSecond((long) wholeSeconds, (int) micros * 1000, ZoneOffset.UTC);
        // strftime("%Y") on glibc does not pad years below 1000
        return String.format("%d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.getYear(), utc.getMonthValue(),
                utc.getDayOfMonth(), utc.getHour(), utc.getMinute(), utc.getSecond(), (int) micros / 1000);
    }
}
